import { useState, type DragEvent } from 'react';
import { platform } from '../../../platform';
import { Button } from '../../../ui/Button';
import { useT } from '../../../i18n';
import { importMessages } from '../messages';

interface Props {
  onFile(file: { name: string; blob: Blob }): void;
}

/** File selection through the platform (a dialog) and drag-and-drop; both work in browser mode. */
export function FilePicker({ onFile }: Props) {
  const t = useT(importMessages);
  const [active, setActive] = useState(false);

  const pick = async () => {
    const files = await platform.pickFiles({ accept: ['.xlsx', '.csv', '.txt'], multiple: false });
    const file = files[0];
    if (file) onFile({ name: file.name, blob: file.blob });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile({ name: file.name, blob: file });
  };

  return (
    <div
      className={`import-drop${active ? ' import-drop--active' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={onDrop}
    >
      <strong>{active ? t('dropActive') : t('drop')}</strong>
      <Button variant="primary" onClick={pick} data-testid="import-choose">
        {t('choose')}
      </Button>
      <span className="card__subtitle">{t('limits')}</span>
    </div>
  );
}
