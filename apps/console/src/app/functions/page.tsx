import { FunctionList } from '@/features/catalog/function-list';

export default function Page() {
  return <FunctionList />;
}
