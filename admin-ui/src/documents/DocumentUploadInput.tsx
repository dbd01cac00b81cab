import AttachFileIcon from '@mui/icons-material/AttachFile';
import { FileUploadInput } from '../common/FileUploadInput';
import { useAppDataProvider } from '../providers/dataProvider';
import { DocumentLink } from './DocumentLink';
import { documentAccept, documentMaxBytes, documentTypeOf } from './documentTypeOf';

/** Documents for a reply (POST /api/documents), listed by name. The API takes at most 10. */
export const DocumentUploadInput = ({ source, label, max = 10 }: { source: string; label: string; max?: number }) => {
  const dataProvider = useAppDataProvider();
  return (
    <FileUploadInput
      source={source}
      label={label}
      max={max}
      kind={{
        phrases: 'app.document',
        icon: <AttachFileIcon />,
        accept: documentAccept,
        maxBytes: documentMaxBytes,
        typeOf: (file) => documentTypeOf(file) ?? null,
        upload: async (file, type) => (await dataProvider.uploadDocument(file, type)).data.id,
        show: (id) => <DocumentLink id={id} />,
        layout: 'column',
      }}
    />
  );
};
