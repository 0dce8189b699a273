import { useId, useState } from 'react';
import { coreErrorText, coreFieldErrors } from '../lib/core-error';
import { InputField } from './fields';

interface Props {
  /** The feature's translated texts for the form. */
  texts: {
    title: string;
    intro: string;
    hubUrl: string;
    hubUrlHint: string;
    secret: string;
    secretHint: string;
    submit: string;
  };
  /** The contract's name for the secret (its field errors come back under this name), and whether to mask it. */
  secretName: string;
  secretType?: 'text' | 'password';
  pending: boolean;
  /** Sends the address and the secret to the core; a CoreError thrown here is shown on the form. */
  send(hubUrl: string, secret: string): Promise<void>;
  onDone(): void;
}

/** The hub's address and a secret (an enrollment code, a coordinator credential): how a screen first reaches the hub. */
export function HubAddressForm({ texts, secretName, secretType = 'text', pending, send, onDone }: Props) {
  const id = useId();
  const [hubUrl, setHubUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit() {
    setErrors({});
    try {
      await send(hubUrl, secret);
      onDone();
    } catch (e) {
      const fields = coreFieldErrors(e);
      setErrors(Object.keys(fields).length ? fields : { form: coreErrorText(e) });
    }
  }
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{texts.title}</h2>
      <p>{texts.intro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <InputField
          id={`${id}-url`}
          type="url"
          label={texts.hubUrl}
          hint={texts.hubUrlHint}
          value={hubUrl}
          error={errors.hubUrl}
          required
          onChange={setHubUrl}
        />
        <InputField
          id={`${id}-${secretName}`}
          type={secretType}
          label={texts.secret}
          hint={texts.secretHint}
          value={secret}
          error={errors[secretName]}
          required
          autoComplete="off"
          onChange={setSecret}
        />
        {errors.form && (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{errors.form}</p>
          </div>
        )}
        <button type="submit" className="fr-btn" disabled={pending}>
          {texts.submit}
        </button>
      </form>
    </section>
  );
}
