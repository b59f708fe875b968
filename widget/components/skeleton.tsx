/** Grey bars in the shape of the panels while the first answer is on its way. */
export function Skeleton() {
  return (
    <div class="skeleton" aria-hidden="true">
      {[0, 1, 2].map((panel) => (
        <div key={panel} class="panel">
          <div class="bar short" />
          <div class="bar" />
          <div class="bar" />
        </div>
      ))}
    </div>
  );
}
