import { TokenList } from '@/features/tokens/token-list';

export default function Page() {
  return <TokenList />;
}
