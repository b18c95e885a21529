/** Under a paged table: how many rows are loaded, and 加载更多 while the server has more. */
export function TableFooter({ count, loading, hasMore, onMore }: { count: number; loading: boolean; hasMore: boolean; onMore: () => void }) {
  return (
    <div className="table-footer">
      <span>已加载 {count} 条</span>
      {hasMore ? (
        <button type="button" disabled={loading} onClick={onMore}>
          加载更多
        </button>
      ) : null}
      {loading ? <span>加载中…</span> : null}
    </div>
  );
}
