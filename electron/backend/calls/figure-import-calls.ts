/** `figure.stage` and `figure.import`: a dropped, pasted or picked image checked, held in app data, then copied into the site. */
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import type { StagedFigure } from '../../../shared/contract/figure-models';
import { extensionOfMime, type FigureExtension, fileNameProblem, safeFileName } from '../../../shared/figures/safe-file-name';
import {
  checkSvg,
  dropStaged,
  figureFolder,
  findSameContent,
  importFigure,
  isLargeFigure,
  loadFigureSettings,
  MAX_FIGURE_BYTES,
  probeImage,
  readStaged,
  stageImage,
} from '../../services/figures';
import type { CallContext } from './call-context';

/** Today as `YYYY-MM-DD` in the user's time zone, for the optional date prefix of a file name. */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The bytes of a base64 text (a `data:` URL's prefix is allowed), refusing more than 50 MB before decoding. */
function decodeBase64(base64: string, name: string): Buffer {
  const body = base64.replace(/^data:[^,]{0,200},/, '');
  if (Math.floor((body.length * 3) / 4) > MAX_FIGURE_BYTES + 3) {
    throw new AppFailure('too-large', `${JSON.stringify(name.slice(0, 120))} is larger than 50 MB; pictures up to 50 MB can be imported.`, { path: name });
  }
  return Buffer.from(body, 'base64');
}

function extensionOf(mime: string): FigureExtension {
  const ext = extensionOfMime(mime);
  if (!ext) throw new AppFailure('not-supported', `${mime} is not a picture type figures can use.`);
  return ext;
}

/** The last part of a name as the user's system wrote it, for telling whether the proposed name differs. */
function lastPart(name: string): string {
  return name.split(/[/\\]/).pop() ?? name;
}

/** The `figure.stage` and `figure.import` calls. */
export function createFigureImportCalls(ctx: CallContext): Pick<AreaHandlers<'figure'>, 'figure.stage' | 'figure.import'> {
  return {
    async 'figure.stage'({ site, name, base64 }) {
      const { root } = ctx.sites.require(site);
      let data = decodeBase64(base64, name);
      const probe = await probeImage(data, name);
      const notes: string[] = [];
      if (probe.mime === 'image/svg+xml') {
        // What is staged (and later written) is the checked text: a plain DOCTYPE line removed.
        const safe = checkSvg(data, name);
        data = Buffer.from(safe.text);
        notes.push(...safe.notes);
      }
      const settings = await loadFigureSettings(root);
      notes.push(...settings.problems);
      const fileName = safeFileName(name, { ext: extensionOf(probe.mime), datePrefix: settings.datePrefix ? localDate() : null });
      if (fileName !== lastPart(name)) notes.push(`The file name was made safe for the web: ${fileName}.`);
      const folder = await figureFolder(root, settings.folder, { create: false });
      const reuse = await findSameContent(folder, [data]);
      if (reuse) notes.push(`The same picture is already in the site as ${reuse}; it is used instead of a copy.`);
      const staged = await stageImage(ctx.appState.dir, data, { originalName: name, mime: probe.mime, width: probe.width, height: probe.height });
      const result: StagedFigure = {
        id: staged.id,
        originalName: name,
        mime: probe.mime,
        width: probe.width,
        height: probe.height,
        bytes: data.length,
        fileName,
        folder: folder.rel,
        reuse,
        large: isLargeFigure(probe, settings.maxWidth),
        maxWidth: settings.maxWidth,
        notes,
      };
      return result;
    },

    async 'figure.import'({ site, id, fileName, downscale, keepOriginal }) {
      const { root } = ctx.sites.require(site);
      const staged = await readStaged(ctx.appState.dir, id);
      const problem = fileNameProblem(fileName, extensionOf(staged.mime));
      if (problem) throw new AppFailure('refused', problem, { path: fileName, suggestion: safeFileName(fileName, { ext: extensionOf(staged.mime) }) });
      // Checked again: the staged file is ours (its hash is verified), but the rules may have grown since.
      if (staged.mime === 'image/svg+xml') checkSvg(staged.data, staged.originalName);
      const settings = await loadFigureSettings(root);
      const imported = await importFigure({
        siteRoot: root,
        settings,
        staged: { data: staged.data, mime: staged.mime, width: staged.width, height: staged.height },
        fileName,
        downscale,
        keepOriginal,
      });
      await dropStaged(ctx.appState.dir, id);
      return imported;
    },
  };
}
