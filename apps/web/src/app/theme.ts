import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Drawer,
  Modal,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// Every dialog's close button (an icon only) gets a name here, so no screen reader hears just "button".
const closeButtonProps = { 'aria-label': 'Close dialog' };

// Text on a light tint or on white (light, outline, subtle badges and buttons): Mantine's shade reaches only ~3.8:1
// (green 9 on green 1), so it is darkened to well past 4.5:1 for every palette colour.
const TINTED = new Set(['light', 'outline', 'subtle', 'transparent']);
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!TINTED.has(input.variant) || !parsed.isThemeColor) return colors;
  const text = darken(input.theme.colors[parsed.color][9], 0.3);
  return { ...colors, color: text, hoverColor: text, border: input.variant === 'outline' ? text : colors.border };
};

/**
 * WCAG 2.2 AA contrast, app-wide rather than per page: filled colours use shade 7 and pick black or white text by
 * luminance (below 0.18 white text is at least 4.57:1, above it black is at least 4.6:1, for every palette colour);
 * links are underlined so they differ from the text around them by more than colour.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.18,
  defaultRadius: 'md',
  variantColorResolver,
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

// Mantine's "dimmed" (gray 6) is 3.3:1 on white; gray 7 reads as secondary and is 8:1.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({ variables: {}, light: { '--mantine-color-dimmed': t.colors.gray[7] }, dark: {} });
