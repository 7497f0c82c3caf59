// /signup: create an account.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuthForm } from '../../components/auth-form';

export const metadata: Metadata = { title: 'Sign up — Arbiter' };

export default function SignupPage() {
  return (
    <Suspense>
      <AuthForm mode="signup" />
    </Suspense>
  );
}
