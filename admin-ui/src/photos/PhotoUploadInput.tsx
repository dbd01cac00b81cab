import AddPhotoIcon from '@mui/icons-material/AddAPhoto';
import { FileUploadInput } from '../common/FileUploadInput';
import { useAppDataProvider } from '../providers/dataProvider';
import { photoMaxBytes, photoTypes } from './photoLimits';
import { PhotoThumbnail } from './PhotoThumbnail';

/** Photos for a report, finding or reply (POST /api/photos); thumbnails show what was sent. The API takes at most 20. */
export const PhotoUploadInput = ({ source, label, max = 20 }: { source: string; label: string; max?: number }) => {
  const dataProvider = useAppDataProvider();
  return (
    <FileUploadInput
      source={source}
      label={label}
      max={max}
      kind={{
        phrases: 'app.photo',
        icon: <AddPhotoIcon />,
        accept: photoTypes.join(','),
        maxBytes: photoMaxBytes,
        typeOf: (file) => (photoTypes.includes(file.type) ? file.type : null),
        upload: async (file) => (await dataProvider.uploadPhoto(file)).data.id,
        show: (id) => <PhotoThumbnail id={id} />,
        layout: 'row',
      }}
    />
  );
};
