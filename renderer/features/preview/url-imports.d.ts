/** Vite's `?url` imports: the URL of the built file (the preview frame loads its stylesheet by URL). */
declare module '*?url' {
  const url: string;
  export default url;
}
