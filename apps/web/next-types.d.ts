// Next.js ambient types (what the generated next-env.d.ts would hold), so type-checking works before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
