'use client';
// A link whose page is prefetched on the intent to follow it (pointer over, focus, touch) instead of as
// soon as it is in view: for links shown on every page load that are seldom followed, whose prefetch
// would otherwise fetch and process a payload on the main thread while the page loads.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, type ComponentProps } from 'react';

export function IntentLink(
  props: Omit<
    ComponentProps<typeof Link>,
    'prefetch' | 'href' | 'onMouseEnter' | 'onFocus' | 'onTouchStart'
  > & { href: string },
) {
  const router = useRouter();
  const done = useRef<string | null>(null);
  const prefetch = () => {
    if (done.current === props.href) return;
    done.current = props.href;
    router.prefetch(props.href);
  };
  return (
    <Link {...props} prefetch={false} onMouseEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} />
  );
}
