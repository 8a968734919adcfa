/** The figures area's public face: probing, checking, staging and importing images, and their thumbnails. */
export { MAX_FIGURE_BYTES, MAX_FIGURE_PIXELS, probeImage, type FigureMime, type ProbedImage } from './image-probe';
export { checkSvg, type SafeSvg } from './svg-safety';
export { dropStaged, readStaged, stageImage, sweepStaged, takeStaged, type StagedImage, type StagedMeta } from './figure-staging';
export { figureFolder, findSameContent, importFigure, isLargeFigure, LARGE_FIGURE_BYTES, type FigureTarget, type ImportFigureOptions } from './import-figure';
export { loadFigureSettings, readPressroomYml } from './site-figure-settings';
export { imageSizeOf, pruneThumbnails, THUMBNAIL_CACHE_LIMIT, THUMBNAIL_WIDTH, thumbnailOf, type Thumbnail } from './thumbnails';
export { imagesNamedIn, imageUsage, type SiteUrls } from './image-usage';
