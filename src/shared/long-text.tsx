import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n/i18n';

interface LongTextProps {
  /** The whole text, as it will be shown when opened. */
  text: string;
  /** Characters shown in place (the rest is one click away). */
  limit: number;
}

/**
 * Text cut to `limit` characters on screen, with a button that opens the whole of it
 * in a dialog. Laying out megabytes of text in a table cell or a transcript froze the
 * tab for minutes; the dialog exists only while open, and holds the text in a read-only
 * text box, which the browser does not lay out as a page.
 */
export function LongText({ text, limit }: LongTextProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (text.length <= limit) return <>{text}</>;
  // Not in the middle of a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  // The button comes first: a table cell shows one clipped line, and a button after 2,000
  // characters would sit outside it, out of reach.
  return (
    <>
      <button
        type="button"
        className="long-text-open"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {t('longText.showAll', { count: text.length })}
      </button>{' '}
      {text.slice(0, cut)}…{open && <WholeText text={text} onClose={() => setOpen(false)} />}
    </>
  );
}

function WholeText({ text, onClose }: { text: string; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (typeof box.showModal === 'function') box.showModal();
    else box.setAttribute('open', ''); // engines without <dialog> (jsdom)
  }, []);
  const title = t('longText.title', { count: text.length });
  return (
    <dialog
      ref={dialog}
      className="long-text-dialog"
      aria-label={title}
      onClose={onClose}
      onClick={(event) => event.stopPropagation()}
    >
      <p>{title}</p>
      <textarea readOnly value={text} rows={20} aria-label={t('longText.text')} />
      <button type="button" onClick={onClose}>
        {t('longText.close')}
      </button>
    </dialog>
  );
}
