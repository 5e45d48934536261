import { Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { keepDraft } from './index-draft';

type Values = Record<string, string | boolean | undefined>;

/**
 * Keeps the form's values as the record's draft at each change the clerk makes, typed or
 * accepted (useWatch sees setFieldValue too, which onValuesChange does not). One small
 * IndexedDB write a change, in order, with no delay: a window closed right after loses nothing.
 * `saved` says the form now equals the record, so nothing is kept until it changes again.
 */
export function useKeepDraft(recordId: string, form: FormInstance, initial: object): { saved: () => void } {
  const values = Form.useWatch([], { form, preserve: true }) as Values | undefined;
  const baseline = useRef(JSON.stringify(initial));
  const writes = useRef(Promise.resolve());

  useEffect(() => {
    if (!values || JSON.stringify(values) === baseline.current) return;
    writes.current = writes.current.then(() => keepDraft(recordId, values)).catch(() => undefined);
  }, [recordId, values]);

  const saved = useCallback(() => {
    baseline.current = JSON.stringify(form.getFieldsValue(true));
  }, [form]);
  return { saved };
}
