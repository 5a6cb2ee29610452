import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The attributes a form control gets from its Field: id, disabled state and descriptions. */
export interface ControlProps {
  id: string;
  name: string;
  disabled: boolean;
  'aria-describedby'?: string;
  'data-testid': string;
}

/** A labelled form field; a locked one is disabled and says it is managed by the organisation. */
export function Field(props: {
  readonly id: string;
  readonly label: string;
  readonly help?: string;
  readonly locked: boolean;
  readonly inline?: boolean;
  readonly children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const controlId = `setting-${props.id}`;
  const described = [
    props.help === undefined ? undefined : `${controlId}-help`,
    props.locked ? `${controlId}-managed` : undefined,
  ].filter((id): id is string => id !== undefined);
  const control = props.children({
    id: controlId,
    name: props.id,
    disabled: props.locked,
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
    'data-testid': controlId,
  });
  return (
    <div className={props.inline === true ? 'field inline' : 'field'}>
      {props.inline === true ? control : null}
      <label htmlFor={controlId}>{props.label}</label>
      {props.inline === true ? null : control}
      {props.help === undefined ? null : <small id={`${controlId}-help`}>{props.help}</small>}
      {props.locked ? (
        <small id={`${controlId}-managed`} className="managed" data-testid={`${controlId}-managed`}>
          {t('settings.managed')}
        </small>
      ) : null}
    </div>
  );
}
