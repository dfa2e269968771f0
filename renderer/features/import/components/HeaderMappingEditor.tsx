import { FIELDS_BY_TYPE } from '../../../../shared/import/fields';
import { useT } from '../../../i18n';
import type { ImportPreview } from '../../../import-pipeline/engine';
import { importMessages } from '../messages';

/** Field → file column, auto-detected by name and editable; a change re-reads the file. */
export function HeaderMappingEditor({ preview, onChange }: { preview: ImportPreview; onChange(field: string, header: string | null): void }) {
  const t = useT(importMessages);
  const headers = preview.headers.filter((h) => h.trim() !== '');
  return (
    <div data-testid="import-mapping">
      <p className="card__subtitle">{t('mappingHint')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('field')}</th>
              <th>{t('column')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS_BY_TYPE[preview.type].map((field) => {
              const index = preview.mapping[field.key];
              const current = index === undefined ? '' : (preview.headers[index] ?? '');
              return (
                <tr key={field.key}>
                  <td>
                    {field.description}
                    {field.required ? <em> ({t('required')})</em> : null}
                  </td>
                  <td>
                    <select
                      aria-label={field.description}
                      value={current}
                      onChange={(e) => onChange(field.key, e.target.value === '' ? null : e.target.value)}
                    >
                      <option value="">{t('notMapped')}</option>
                      {headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {preview.unusedHeaders.length > 0 ? <p className="card__subtitle">{t('unused', { list: preview.unusedHeaders.join(', ') })}</p> : null}
    </div>
  );
}
