// The exports area's English phrases: list exports (CSV, Excel) and printed reports (PDF).
export const exportsEn = {
  app: {
    export: {
      csv: 'Export CSV',
      xlsx: 'Export Excel',
      print_report: 'Print report',
      print_failed: 'The report could not be printed: %{message}',
    },
  },
};
