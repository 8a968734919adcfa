/**
 * A site's figure settings as the app and `pressroom figure` use them: `.pressroom.yml`'s `figures:` and whether
 * `_config.yml` uses jekyll-assets, read through the site's confined reader (a link leading out is not followed).
 */
import { AppFailure } from '../../../shared/contract/errors';
import { SCHEMA_FILE_NAME } from '../../../shared/front-matter/schema';
import { parseYaml11, YamlProblem } from '../../../shared/front-matter/yaml11';
import { configUsesJekyllAssets, type FigureSettings, readFigureSettings } from '../../../shared/figures/figure-settings';
import { siteConfigFromData } from '../../../shared/site/site-config-model';
import { readSiteText } from '../paths';
import { readConfigData } from '../site';

/** A `.pressroom.yml` larger than this is not read (the same bound as the front-matter schema's). */
const MAX_PRESSROOM_YML_BYTES = 256 * 1024;

/**
 * `.pressroom.yml` parsed, or null when there is none; what kept it from being read goes to `problems`, ending with
 * `fallback` (what is used instead). Every reader of the file (figures, export) reads it through here.
 */
export async function readPressroomYml(root: string, problems: string[], fallback = 'the default figure settings are used'): Promise<unknown> {
  let text: string;
  try {
    text = await readSiteText(root, SCHEMA_FILE_NAME, { maxBytes: MAX_PRESSROOM_YML_BYTES, strict: true });
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    const code = error.error.code;
    if (code === 'not-found') return null;
    if (code === 'too-large') problems.push(`${SCHEMA_FILE_NAME} is larger than ${MAX_PRESSROOM_YML_BYTES / 1024} KB and was not read; ${fallback}.`);
    else if (code === 'outside-site') problems.push(`${SCHEMA_FILE_NAME} is a symbolic link that leads out of the site, so it was not read; ${fallback}.`);
    else problems.push(`${SCHEMA_FILE_NAME} could not be read (${error.message}); ${fallback}.`);
    return null;
  }
  try {
    return parseYaml11(text);
  } catch (error) {
    if (!(error instanceof YamlProblem)) throw error;
    const where = error.line !== undefined ? ` (line ${error.line})` : '';
    problems.push(`${SCHEMA_FILE_NAME} could not be read: ${error.message}${where}; ${fallback}.`);
    return null;
  }
}

/** The figure settings of the site at `root` (a real path); bad or unreadable settings give defaults and `problems`. */
export async function loadFigureSettings(root: string): Promise<FigureSettings> {
  const problems: string[] = [];
  const config = await readConfigData(root, problems);
  const pressroom = await readPressroomYml(root, problems);
  const settings = readFigureSettings(pressroom, { usesJekyllAssets: configUsesJekyllAssets(config), assetSources: siteConfigFromData(config).assetSources });
  settings.problems.unshift(...problems);
  return settings;
}
