#include "RunsCsv.h"

#include "Csv.h"
#include "RunsModel.h"

#include <QDateTime>
#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace fc {

using csv::field;
using csv::isoTime;

bool RunsCsv::write(QIODevice &out, const RunsModel &model, const QList<int> &rows)
{
    QByteArray chunk = "run,status,start,end,duration_ms,trigger,code,correlation_id,origin_run\r\n";
    const auto line = [&chunk](const FlowRun &run) {
        const QString duration =
            run.endMs > 0 && run.startMs > 0 ? QString::number(run.endMs - run.startMs) : QString();
        const QString origin = run.originRun == run.name ? QString() : run.originRun;
        const QStringList fields{
            field(run.name), runStatusName(run.status), isoTime(run.startMs), isoTime(run.endMs),
            duration,        field(run.triggerName),    field(run.code),      field(run.correlationId),
            field(origin)};
        chunk += fields.join(u',').toUtf8();
        chunk += "\r\n";
    };
    const auto flush = [&out, &chunk](bool force) {
        if (!force && chunk.size() < 64 * 1024)
            return true;
        const bool ok = out.write(chunk) == chunk.size();
        chunk.clear();
        return ok;
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < model.rowCount(); ++row) {
            line(model.runAt(row));
            if (!flush(false))
                return false;
        }
    } else {
        for (int row : rows) {
            line(model.runAt(row));
            if (!flush(false))
                return false;
        }
    }
    return flush(true);
}

} // namespace fc
