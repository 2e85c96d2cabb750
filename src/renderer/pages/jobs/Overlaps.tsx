/** The jobs of the instance that can search the same items as this one (shared/cross-job.ts). */
export function Overlaps({ overlaps }: { overlaps: readonly string[] }) {
  if (!overlaps.length) return null;
  return (
    <ul className="muted job-form__overlaps" aria-label="Overlapping jobs">
      {overlaps.map((o) => (
        <li key={o}>This job {o}.</li>
      ))}
    </ul>
  );
}
