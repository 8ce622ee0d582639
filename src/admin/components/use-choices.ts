import { ViewHelpers } from 'adminjs';
import { useEffect, useState } from 'react';

export interface Choice {
  value: string;
  label: string;
}

const root = new ViewHelpers().dashboardUrl().replace(/\/$/, '');

/**
 * The options of a place or agent picker from /admin/files/choices/:kind (the server keeps the wrong level,
 * the other county and the uncertified agent out); read again whenever what they depend on changes — the
 * county or township chosen above, the day the agent takes the case. null while reading.
 */
export function useChoices(kind: string, query: Record<string, string>, enabled = true): Choice[] | null {
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setChoices(null);
    fetch(`${root}/files/choices/${kind}${search ? `?${search}` : ''}`, { credentials: 'same-origin' })
      .then((res) => res.json())
      .then((body: { choices?: Choice[] }) => current && setChoices(body.choices ?? []))
      .catch(() => current && setChoices([]));
    return () => {
      current = false;
    };
  }, [kind, search, enabled]);
  return choices;
}

/**
 * The choices with the field's current value first, marked by `note`, when it is not one of them (an agent
 * whose certificate has since lapsed, another day typed): still shown, so it is never sent on unseen.
 */
export function keepingCurrent(
  choices: Choice[] | null,
  value: string,
  name: string | undefined,
  note: string,
): Choice[] {
  return value && choices && !choices.some((c) => c.value === value)
    ? [{ value, label: `${name ?? value}${note}` }, ...choices]
    : (choices ?? []);
}
