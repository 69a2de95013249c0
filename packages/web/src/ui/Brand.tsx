import { Group, Text } from '@mantine/core';

/**
 * The product name with its mark; the mark is decorative, so readers skip it. Compact drops
 * the name on small screens, where the header needs the room.
 */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="6" fill="var(--mantine-color-blue-8)" />
        <path d="M9 24V8h3l8 11V8h3v16h-3l-8-11v11z" fill="#fff" />
      </svg>
      <Text fw={700} size="lg" visibleFrom={compact ? 'sm' : undefined}>
        Nordbok
      </Text>
    </Group>
  );
}
