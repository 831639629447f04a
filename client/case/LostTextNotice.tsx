import { useRef, useState } from 'react';
import { useLostEdits } from '../state/lostEdits.ts';
import { NLDS } from '../ui/theme.ts';

/**
 * Shown once when text typed on this device can no longer be stored (the person may no longer
 * edit or see the section): the text, for copying, and never sent. Dismissing it forgets it; the
 * copy on the device is already gone.
 */
export function LostTextNotice() {
  const items = useLostEdits((s) => s.items);
  if (items.length === 0) return null;
  return (
    <section className={`lost-text ${NLDS.alertWarning}`} role="alert" aria-labelledby="lost-text-title">
      <div className={NLDS.alertMessage}>
        <h2 id="lost-text-title" className={NLDS.heading2}>
          Deze tekst kon niet meer worden opgeslagen
        </h2>
        <p className={NLDS.paragraph}>
          Je mag dit onderdeel niet meer bewerken, of niet meer zien. Wat je hier typte, is daarom niet opgeslagen en ook niet verstuurd. Kopieer het als je het wilt
          bewaren. Daarna verdwijnt het van dit apparaat.
        </p>
        {items.map((item) => (
          <LostItem key={item.room} room={item.room} title={item.title} text={item.text} />
        ))}
      </div>
    </section>
  );
}

function LostItem({ room, title, text }: { room: string; title: string; text: string }) {
  const dismiss = useLostEdits((s) => s.dismiss);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    area.current?.select();
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => setCopied(true), () => {});
  };
  return (
    <div className="lost-text-item">
      <h3 className={NLDS.heading3}>{title}</h3>
      {text ? (
        <>
          <textarea ref={area} className={NLDS.textarea} readOnly value={text} rows={Math.min(8, text.split('\n').length + 1)} aria-label={`Niet opgeslagen tekst uit ${title}`} />
          <button type="button" className={NLDS.primaryButton} onClick={copy}>
            Kopiëren
          </button>
          {copied && <span role="status"> Gekopieerd.</span>}
        </>
      ) : (
        <p className={NLDS.paragraph}>Je had hier alleen tekst weggehaald; dat is niet gebeurd.</p>
      )}
      <button type="button" className={NLDS.secondaryButton} onClick={() => dismiss(room)}>
        Sluiten en weggooien
      </button>
    </div>
  );
}
