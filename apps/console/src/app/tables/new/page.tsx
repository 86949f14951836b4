import { Suspense } from 'react';
import { OnboardingWizard } from '@/features/catalog/onboarding-wizard';

export default function NewTablePage() {
  return (
    <Suspense>
      <OnboardingWizard />
    </Suspense>
  );
}
