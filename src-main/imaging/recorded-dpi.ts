/**
 * The resolution an image file records, if it records one: libvips reports a density of 1
 * (or none) when the file says nothing, which must not be taken for 1 dpi.
 */
export const recordedDpi = (density: number | undefined): number | undefined =>
  density && density > 1 ? density : undefined;
