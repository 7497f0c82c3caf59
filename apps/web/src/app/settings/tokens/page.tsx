// /settings/tokens: the signed-in user's personal access tokens for scripts and API clients.
import type { Metadata } from 'next';
import { ApiTokens } from '../../../components/api-tokens';

export const metadata: Metadata = { title: 'API tokens — Arbiter' };

export default function ApiTokensPage() {
  return <ApiTokens />;
}
