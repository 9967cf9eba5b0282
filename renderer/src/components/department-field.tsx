/**
 * A department, typed or picked from those already named on cases (cases:facets), so one
 * department is not counted under two spellings in the statistics.
 */
import { useEffect, useId, useState } from 'react';
import { call } from '../api';
import { TextField } from './fields';

export function DepartmentField({
  label = 'Department',
  hint,
  value,
  onChange,
}: {
  label?: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const listId = `${useId()}-departments`;
  const [known, setKnown] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    call('cases:facets', {}).then(
      (f) => {
        if (current) setKnown(f.departments);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return (
    <>
      <TextField
        label={label}
        {...(hint ? { hint } : {})}
        value={value}
        onChange={onChange}
        list={listId}
        autoComplete="off"
      />
      <datalist id={listId}>
        {known.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
    </>
  );
}
