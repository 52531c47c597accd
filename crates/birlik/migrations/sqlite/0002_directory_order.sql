-- The directory walks these indexes in the reader's alphabetical order instead of sorting every request.
CREATE INDEX associations_sort_ru ON associations (sort_ru);
CREATE INDEX associations_sort_en ON associations (sort_en);
