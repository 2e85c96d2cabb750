import type { ActiveWindow } from '../../../shared/settings';
import { TextField } from '../../components/Field';
import type { FieldErrors } from '../../forms/issues';

interface Props {
  windows: ActiveWindow[];
  errors: FieldErrors;
  onChange: (windows: ActiveWindow[]) => void;
}

/** Several local-time windows; a window may cross midnight (22:00–06:00). None = any time. */
export function ActiveHoursEditor({ windows, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<ActiveWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className="active-hours">
      <legend>Active hours</legend>
      <p className="field__hint">{windows.length === 0 ? 'Searching is allowed at any time.' : 'Searching only inside these windows (local time; a window may cross midnight).'}</p>
      <ul>
        {windows.map((w, i) => (
          <li key={i} className="active-hours__row">
            <TextField label={`Window ${i + 1} start`} type="time" value={w.start} error={errors[`activeHours.${i}.start`]} onChange={(start) => update(i, { start })} />
            <TextField label={`Window ${i + 1} end`} type="time" value={w.end} error={errors[`activeHours.${i}.end`]} onChange={(end) => update(i, { end })} />
            <button type="button" className="danger" aria-label={`Remove window ${i + 1}`} onClick={() => onChange(windows.filter((_, j) => j !== i))}>
              Remove
            </button>
            {errors[`activeHours.${i}`] ? (
              <span className="field__error active-hours__err" role="alert">
                Window {i + 1}: {errors[`activeHours.${i}`]}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange([...windows, windows.length === 0 ? { start: '01:00', end: '07:00' } : { start: '13:00', end: '15:00' }])}>
        Add window
      </button>
    </fieldset>
  );
}
