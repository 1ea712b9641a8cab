/** The parts of an attachment link the page shows (report-model's readAttachment makes them). */
export interface AttachmentParts {
  href: string;
  fileName: string;
  label?: string;
  place: string;
}

/** "factura.pdf → 📎 payload.exe (storage.googleapis.com/bucket)": what the link really opens. */
export function AttachmentLink({ attachment }: { attachment: AttachmentParts }) {
  return (
    <span className="attachment">
      {attachment.label && <span className="attachment-label">{attachment.label} → </span>}
      <a href={attachment.href} target="_blank" rel="noopener noreferrer nofollow">
        📎 {attachment.fileName}
      </a>{' '}
      <span className="attachment-host">({attachment.place})</span>
    </span>
  );
}
