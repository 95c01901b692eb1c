#pragma once

#include <QList>

class QIODevice;

namespace fc {

class RunsModel;

// Writes runs of the model as CSV (RFC 4180, UTF-8, ISO 8601 UTC times): the given source rows,
// or every loaded row when rows is empty. Returns false when the device refused a write.
class RunsCsv
{
public:
    static bool write(QIODevice &out, const RunsModel &model, const QList<int> &rows = {});
};

} // namespace fc
