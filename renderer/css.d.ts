/** Stylesheets are imported for their side effect; Vite bundles them into one CSS file (no inline styles, for the CSP). */
declare module '*.css';
