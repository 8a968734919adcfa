/** The Changes tab of an open site: changed files, diff, commit box, branch and sync bars, and the dialogs they open. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the git panel, by the accessible names (and, for the kind word, the class) the renderer gives it. */
export class GitPanelPage {
  readonly postsTab: Locator;
  readonly changesTab: Locator;
  readonly changeList: Locator;
  readonly rows: Locator;
  readonly includeAll: Locator;
  readonly summary: Locator;
  readonly description: Locator;
  readonly signOff: Locator;
  readonly commitButton: Locator;
  readonly committed: Locator;
  readonly branchName: Locator;
  readonly branchDistance: Locator;
  readonly branchesButton: Locator;
  readonly getLatestButton: Locator;
  readonly publishButton: Locator;
  readonly sendButton: Locator;
  readonly syncNotice: Locator;
  readonly startHistoryButton: Locator;

  constructor(readonly page: Page) {
    const tabs = page.getByRole('tablist', { name: 'Sidebar' });
    this.postsTab = tabs.getByRole('tab', { name: 'Posts' });
    this.changesTab = tabs.getByRole('tab', { name: /^Changes/ });
    this.changeList = page.getByRole('list', { name: 'Changed files' });
    this.rows = this.changeList.getByRole('listitem');
    this.includeAll = page.getByRole('checkbox', { name: 'Include all' });
    this.summary = page.getByRole('textbox', { name: 'Summary' });
    this.description = page.getByRole('textbox', { name: 'Description (optional)' });
    this.signOff = page.getByRole('checkbox', { name: 'Add sign-off' });
    this.commitButton = page.getByRole('button', { name: 'Commit', exact: true });
    this.committed = page.locator('.git-committed');
    this.branchName = page.locator('.git-branch-bar .git-branch-name');
    this.branchDistance = page.locator('.git-branch-bar .git-distance');
    this.branchesButton = page.getByRole('button', { name: 'Branches…' });
    this.getLatestButton = page.locator('.git-panel').getByRole('button', { name: 'Get latest', exact: true });
    this.publishButton = page.getByRole('button', { name: 'Publish branch' });
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true });
    this.syncNotice = page.locator('.git-sync-notice');
    this.startHistoryButton = page.getByRole('button', { name: 'Start keeping history' });
  }

  /** Opens the Changes tab. */
  async open(): Promise<void> {
    await this.changesTab.click();
    await expect(this.changesTab).toHaveAttribute('aria-selected', 'true');
  }

  /** The tab's accessible name carries the count: "Changes, 2 files". */
  async expectCount(count: number): Promise<void> {
    await expect(this.changesTab).toHaveAccessibleName(count === 1 ? 'Changes, 1 file' : `Changes, ${count} files`);
  }

  /** The row of a changed file, by its file name. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator('.git-change-name', { hasText: name }) });
  }

  /** The kind word ("new", "changed", "deleted", "renamed") a row shows. */
  kind(name: string): Locator {
    return this.row(name).locator('.git-change-kind');
  }

  /** The "Include <name> in commit" box of a row. */
  include(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Include ${name} in commit` });
  }

  /** Shows a file's diff. */
  async showDiff(name: string): Promise<Locator> {
    await this.row(name).getByRole('button').click();
    const diff = this.diff(name);
    await expect(diff).toBeVisible();
    return diff;
  }

  /** The diff region of a file ("Changes in <name>"). */
  diff(name: string): Locator {
    return this.page.getByRole('region', { name: `Changes in ${name}` }).first();
  }

  /** Writes a commit message and presses Commit. */
  async commit(summary: string, description?: string): Promise<void> {
    await this.summary.fill(summary);
    if (description !== undefined) await this.description.fill(description);
    await this.commitButton.click();
  }

  /** "Who is making this commit?" */
  get identityDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Who is making this commit?' });
  }

  /** Answers the identity dialog. */
  async giveIdentity(name: string, email: string): Promise<void> {
    const d = this.identityDialog;
    await expect(d).toBeVisible();
    await d.getByRole('textbox', { name: 'Your name' }).fill(name);
    await d.getByRole('textbox', { name: 'Your e-mail address' }).fill(email);
    await d.getByRole('button', { name: 'Save and commit' }).click();
  }

  /** The sign-in dialog ("Sign in to <host>"). */
  get credentialsDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Sign in to/ });
  }

  /** Answers the sign-in dialog (remember: the "Remember on this computer" box). */
  async signIn(user: string, token: string, remember?: boolean): Promise<void> {
    const d = this.credentialsDialog;
    await expect(d).toBeVisible();
    await d.getByRole('textbox', { name: 'User name' }).fill(user);
    await d.getByLabel('Access token').fill(token);
    if (remember !== undefined) await d.getByRole('checkbox', { name: 'Remember on this computer' }).setChecked(remember);
    await d.getByRole('button', { name: 'Sign in and continue' }).click();
  }

  /** The branch menu dialog. */
  get branchMenu(): Locator {
    return this.page.getByRole('dialog', { name: 'Branches' });
  }

  /** Opens the branch menu and waits for its list. */
  async openBranchMenu(): Promise<Locator> {
    await this.branchesButton.click();
    await expect(this.branchMenu.getByText('On this computer')).toBeVisible({ timeout: 30_000 });
    return this.branchMenu;
  }

  /** The name field of "New branch…" (after clicking it). */
  async startNewBranch(): Promise<Locator> {
    await this.branchMenu.getByRole('button', { name: 'New branch…' }).click();
    const field = this.branchMenu.getByRole('textbox', { name: 'Name of the new branch' });
    await expect(field).toBeVisible();
    return field;
  }

  /** Chooses a branch in the open menu ("Switch to <name>"). */
  async chooseBranch(name: string): Promise<void> {
    await this.branchMenu.getByTitle(`Switch to ${name}`, { exact: true }).click();
  }

  /** The question before switching with changes. */
  switchQuestion(branch: string): Locator {
    return this.page.getByRole('alertdialog', { name: `Switch to ${branch}?` });
  }
}
