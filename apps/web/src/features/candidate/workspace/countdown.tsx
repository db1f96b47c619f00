import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';

function format(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Time left until the server's deadline, on the server's clock (offset), never the browser's alone. */
export function Countdown({ deadline, offsetMs, onExpired }: { deadline: string; offsetMs: number; onExpired: () => void }) {
  const remaining = () => Date.parse(deadline) - (Date.now() + offsetMs);
  const [left, setLeft] = useState(remaining);
  useEffect(() => {
    const timer = setInterval(() => setLeft(remaining()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline, offsetMs]);
  const expired = left <= 0;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  const color = expired ? 'red' : left < 10 * 60_000 ? 'orange' : 'gray';
  return (
    <Badge size="lg" variant="light" tt="none" color={color} role="timer" aria-label="Time left" aria-live={left < 60_000 ? 'polite' : 'off'}>
      {expired ? 'Time is up' : `${format(left)} left`}
    </Badge>
  );
}
