/**
 * A form's draft, its validation, and its save: messages appear under a field once the user has
 * touched it (or tried to save), nothing is sent while anything is invalid, and unsaved changes are
 * registered with the router so leaving asks first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from '../app/router';
import { errorMessage, serverFieldErrors } from '../lib/errors';
import { hasErrors, type FieldErrors } from './issues';
import { setIn } from './path';

export interface FormOptions<T> {
  /** unique per form on screen; used for the unsaved-changes guard */
  id: string;
  initial: T;
  validate: (draft: T) => FieldErrors;
  /** where the backend's issue paths start, e.g. ["job"] for saveJob({ instanceId, job }) */
  serverPrefix?: (string | number)[];
  /** maps a backend issue's path (after the prefix) to the form field it belongs to */
  serverKey?: (key: string) => string;
}

export interface Form<T> {
  draft: T;
  /** messages to show now (touched fields, or all after a save attempt) */
  errors: FieldErrors;
  valid: boolean;
  dirty: boolean;
  saving: boolean;
  /** the last save's outcome, for a status line */
  notice: { kind: 'ok' | 'error'; text: string } | null;
  set: (path: string, value: unknown) => void;
  replace: (draft: T, touchedPath?: string) => void;
  /** a new saved baseline (after load or save) */
  reset: (base: T) => void;
  /** show every message now (before an action that needs a valid draft) */
  revealErrors: () => void;
  /** validate everything; when valid run `save`, keep the server's field messages on failure */
  submit: (save: (draft: T) => Promise<void | string>) => Promise<boolean>;
}

function errorsForTouched(errors: FieldErrors, touched: ReadonlySet<string>, all: boolean): FieldErrors {
  if (all) return errors;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    for (const t of touched) {
      if (k === t || k.startsWith(`${t}.`) || t.startsWith(`${k}.`)) {
        out[k] = v;
        break;
      }
    }
  }
  return out;
}

/** A validator that throws must not take the page down: it blocks saving with its message instead. */
function safeValidate<T>(validate: (d: T) => FieldErrors, draft: T): FieldErrors {
  try {
    return validate(draft);
  } catch (err) {
    return { '': `cannot check this form: ${errorMessage(err)}` };
  }
}

export function useForm<T>({ id, initial, validate, serverPrefix = [], serverKey = (k) => k }: FormOptions<T>): Form<T> {
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Form<T>['notice']>(null);

  const allErrors = useMemo(() => safeValidate(validate, draft), [draft, validate]);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(base), [draft, base]);
  const setDirty = useRouter((s) => s.setDirty);

  useEffect(() => {
    setDirty(id, dirty);
  }, [id, dirty, setDirty]);
  useEffect(() => () => setDirty(id, false), [id, setDirty]);

  const touch = (path: string | undefined) => {
    setNotice(null);
    setServerErrors({});
    if (path !== undefined) setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  };

  const set = useCallback((path: string, value: unknown) => {
    touch(path);
    setDraft((d) => setIn(d, path, value));
  }, []);

  const replace = useCallback((next: T, touchedPath?: string) => {
    touch(touchedPath);
    setDraft(next);
  }, []);

  const resets = useRef(0);
  const reset = useCallback((next: T) => {
    resets.current++;
    setBase(next);
    setDraft(next);
    setTouched(new Set());
    setShowAll(false);
    setServerErrors({});
  }, []);

  const submit = async (save: (draft: T) => Promise<void | string>): Promise<boolean> => {
    setShowAll(true);
    setNotice(null);
    if (hasErrors(safeValidate(validate, draft))) {
      setNotice({ kind: 'error', text: 'Not saved: correct the fields marked below.' });
      return false;
    }
    setSaving(true);
    const resetsBefore = resets.current;
    try {
      const message = await save(draft);
      // the saved draft is the new baseline, unless the page already set the server's version
      if (resets.current === resetsBefore) reset(draft);
      setNotice({ kind: 'ok', text: message || 'Saved.' });
      return true;
    } catch (err) {
      const mapped: FieldErrors = {};
      for (const [k, v] of Object.entries(serverFieldErrors(err, serverPrefix))) mapped[serverKey(k)] ??= v;
      setServerErrors(mapped);
      setNotice({ kind: 'error', text: `Not saved: ${errorMessage(err)}` });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const errors = { ...serverErrors, ...errorsForTouched(allErrors, touched, showAll) };
  return { draft, errors, valid: !hasErrors(allErrors), dirty, saving, notice, set, replace, reset, revealErrors: () => setShowAll(true), submit };
}
