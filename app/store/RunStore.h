#pragma once

#include "api/Types.h"

#include <QString>

#include <optional>
#include <vector>

namespace fc {

// The runs a profile has loaded, kept on disk (SQLite in the app's data folder, one file per
// profile and account) so that a flow reopens at once and only what is new is asked for. Run
// metadata only: never inputs, outputs or tokens.
//
// Coverage: for each flow the store knows down to which start time it holds every run
// (coveredFromMs), and whether it reaches the flow's first run (complete). Runs read under a
// status or time filter are kept too, but do not extend the coverage: a gap is never taken for
// "no runs there".
class RunStore
{
public:
    struct History
    {
        std::vector<FlowRun> runs; // newest first
        qint64 coveredFromMs = 0;  // every run started at or after this is here (0: none known)
        bool complete = false;     // and there are none before it
    };

    RunStore() = default;
    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    // The file of a profile and account under the app's data folder.
    static QString pathFor(const QString &profile, const QString &account);
    bool open(const QString &path, QString *error = nullptr);
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    std::optional<History> load(const QString &env, const QString &flow);
    // Adds or updates runs (by name). extendsCoverage: these runs are a contiguous stretch of
    // the unfiltered history from coveredFrom (or from the newest stored run) down to their oldest.
    bool save(const QString &env, const QString &flow, const QList<FlowRun> &runs);
    bool setCoverage(const QString &env, const QString &flow, qint64 coveredFromMs, bool complete);
    // What is stored for a flow: whether it reaches back to the first run.
    std::optional<std::pair<qint64, bool>> coverage(const QString &env, const QString &flow);

    qint64 sizeBytes() const;
    qint64 runCount() const;
    // Drops the oldest runs (of the flows opened least recently first) until the file holds at
    // most limitBytes; coverage of trimmed flows is moved up so that nothing claims to be whole.
    bool enforceLimit(qint64 limitBytes);
    bool clear();

private:
    bool exec(const QString &sql);

    QString m_path;
    QString m_connection;
    QString m_lastError;
};

} // namespace fc
