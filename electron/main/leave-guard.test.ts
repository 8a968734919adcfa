import { describe, expect, it } from 'vitest';
import { guardUnload, LEAVE_QUESTION, type UnloadSource } from './leave-guard';

/** A webContents that only keeps its will-prevent-unload listener. */
function fakeContents() {
  let listener: ((event: { preventDefault(): void }) => void) | null = null;
  const contents: UnloadSource = {
    on: (_event, fn) => {
      listener = fn;
      return contents;
    },
  };
  /** The page refused to unload; true when the window goes anyway. */
  const refuseUnload = () => {
    let leaves = false;
    listener!({ preventDefault: () => (leaves = true) });
    return leaves;
  };
  return { contents, refuseUnload };
}

describe('guardUnload', () => {
  it('closes the window with unsaved work only when the user says so', () => {
    const { contents, refuseUnload } = fakeContents();
    let answer = false;
    let asked = 0;
    guardUnload(contents, () => (asked++, answer));
    expect(refuseUnload()).toBe(false);
    answer = true;
    expect(refuseUnload()).toBe(true);
    expect(asked).toBe(2);
  });

  it('asks with Cancel as the default, so Enter or Escape keeps the work', () => {
    expect(LEAVE_QUESTION.buttons?.[LEAVE_QUESTION.cancelId!]).toBe('Cancel');
    expect(LEAVE_QUESTION.defaultId).toBe(LEAVE_QUESTION.cancelId);
  });
});
