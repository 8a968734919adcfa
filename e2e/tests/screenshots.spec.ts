/**
 * Screenshots of the main screens in light and dark, for people to look at (test-results/screenshots/*.png).
 * They also catch a screen that fails to render at all: each shot waits for the screen's main control.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, startApp } from '../harness';
import { DocumentPage } from '../pages/document-page';
import { PostListPage } from '../pages/post-list-page';
import { SettingsDialog } from '../pages/settings-dialog';
import { WelcomePage } from '../pages/welcome-page';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens in ${scheme}`, async () => {
    const first = await startApp({ colorScheme: scheme });
    try {
      await new WelcomePage(first.page).expectVisible();
      await first.page.screenshot({ path: path.join(SHOTS, `welcome-${scheme}.png`) });
    } finally {
      await first.close();
    }

    const app = await startApp({ copySample: true, colorScheme: scheme });
    try {
      const list = new PostListPage(app.page);
      await list.expectLoaded();
      await expect(list.item('Welcome to four new member organisations').first()).toBeVisible();
      await app.page.screenshot({ path: path.join(SHOTS, `post-list-${scheme}.png`) });

      await list.openPost('Kestrel Cloud 1.1 brings GPU workloads and faster upgrades');
      await new DocumentPage(app.page).expectText('GPU-backed instance types');
      await app.page.screenshot({ path: path.join(SHOTS, `document-${scheme}.png`) });

      const settings = new SettingsDialog(app.page);
      await settings.open();
      await app.page.screenshot({ path: path.join(SHOTS, `settings-${scheme}.png`) });
      await settings.close();
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
}
