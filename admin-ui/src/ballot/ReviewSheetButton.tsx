import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';

interface ReviewSheetButtonProps {
  label: string;
  /** How many items are still unmarked: the sheet is read back only once every one is. */
  missing: number;
  onMissing(): void;
  onReview(): void;
}

/** From marking a ballot or rating sheet to reading it back, at the top of the page. */
export const ReviewSheetButton = ({ label, missing, onMissing, onReview }: ReviewSheetButtonProps) => {
  const translate = useTranslate();
  return (
    <Button
      variant="contained"
      size="large"
      fullWidth
      sx={{ minHeight: 48 }}
      onClick={() => {
        if (missing > 0) {
          onMissing();
          return;
        }
        onReview();
        window.scrollTo({ top: 0 });
      }}
    >
      {translate(label)}
    </Button>
  );
};
