// The export engine of file delivery: OneRoster CSV zips and custom CSV files of a district.
export { exportOneRosterZip, type OneRosterExport, type OneRosterExportOptions } from "@/lib/deliveries/export/oneroster";
export { deliveryFileName, exportCustomCsv, previewCustomFormat, type CustomFormatPreview } from "@/lib/deliveries/export/custom";
