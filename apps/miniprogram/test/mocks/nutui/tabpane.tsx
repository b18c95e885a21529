/** NutUI TabPane: rendered by the Tabs mock from its props. */
export default function TabPane(_props: { value?: string | number; title?: unknown }) {
  return null;
}
