/** A question the user must answer before going on: a title, the text (with any list of files), and two or three buttons. */
import { Fragment, type ReactNode, useId } from 'react';
import { Modal } from './modal';

/** One answer to the question, as a button. */
export interface Choice {
  label: ReactNode;
  onChoose(): void;
  /** The default answer: highlighted and focused when the dialog opens (one per dialog). */
  primary?: boolean;
  /** A quiet button, for the answer that leaves things as they are or throws work away. */
  ghost?: boolean;
  /** Set apart from the buttons after it by a gap, so it is not chosen by mistake. */
  apart?: boolean;
}

/** Props: what is asked, the answers, what Escape or a click outside means, and the classes that size and style it. */
export interface ChoiceDialogProps {
  title: ReactNode;
  /** The text that explains the choice; screen readers read it as the dialog's description. */
  children: ReactNode;
  /** The buttons in order, the primary one usually last. */
  choices: readonly Choice[];
  /** Escape and a click beside the dialog: the harmless answer. */
  onClose(): void;
  /** Every button is disabled while the chosen answer is being carried out. */
  busy?: boolean;
  className?: string;
  textClassName?: string;
  actionsClassName?: string;
}

/**
 * The native dialog moves focus when it opens, to the element marked `autofocus` or else its first button; React's
 * autoFocus sets no attribute, so without this the default answer lost focus to the first (often Cancel).
 */
function markAutofocus(el: HTMLElement | null): void {
  el?.setAttribute('autofocus', '');
}

function buttonClass(choice: Choice): string {
  return choice.primary ? 'button primary' : choice.ghost ? 'button ghost' : 'button';
}

/** An alert dialog named by its title and described by its text, so a screen reader announces both. */
export function ChoiceDialog({ title, children, choices, onClose, busy, className, textClassName, actionsClassName }: ChoiceDialogProps) {
  const titleId = useId();
  const textId = useId();
  return (
    <Modal role="alertdialog" labelledBy={titleId} describedBy={textId} onClose={onClose} className={className}>
      <div className="modal-body">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div id={textId} className={textClassName}>
          {children}
        </div>
        <div className={actionsClassName ? `modal-actions ${actionsClassName}` : 'modal-actions'}>
          {choices.map((choice, i) => (
            <Fragment key={i}>
              <button type="button" className={buttonClass(choice)} onClick={choice.onChoose} disabled={busy} autoFocus={choice.primary} ref={choice.primary ? markAutofocus : undefined}>
                {choice.label}
              </button>
              {choice.apart ? <span className="modal-actions-gap" /> : null}
            </Fragment>
          ))}
        </div>
      </div>
    </Modal>
  );
}
