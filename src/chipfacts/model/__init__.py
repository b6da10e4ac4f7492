"""The data model: typed, immutable records and the partial dates they carry."""
