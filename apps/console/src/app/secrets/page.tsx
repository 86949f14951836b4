import { SecretList } from '@/features/secrets/secret-list';

export default function Page() {
  return <SecretList />;
}
