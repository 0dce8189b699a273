import { useTranslation } from 'react-i18next';
import { useCoreMutation } from '../../api/hooks';
import { HubAddressForm } from '../../ui/HubAddressForm';

/** The hub's address and the coordination key: checked against the hub before anything is kept. */
export function ConnectForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('coordinator');
  const connect = useCoreMutation('coordinator.connect');
  return (
    <HubAddressForm
      texts={{
        title: t('connect.title'),
        intro: t('connect.intro'),
        hubUrl: t('connect.hubUrl'),
        hubUrlHint: t('connect.hubUrlHint'),
        secret: t('connect.credential'),
        secretHint: t('connect.credentialHint'),
        submit: t('connect.submit'),
      }}
      secretName="credential"
      secretType="password"
      pending={connect.pending}
      send={async (hubUrl, credential) => {
        await connect.mutate({ hubUrl, credential });
      }}
      onDone={onDone}
    />
  );
}
