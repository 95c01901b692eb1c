#pragma once

#include "ApiContext.h"
#include "Router.h"

#include <QHash>

namespace fc::emu {

class ApiContext;
class FlowDefinition;
class JsonWriter;
class RunFilter;
struct RunRow;
struct FlowRow;

// Run history: list with keyset paging and $filter, details with actions, cancel, resubmit
// (spec and live paths, user scope and scopes/admin), and the run contents behind the signed
// inputsLink/outputsLink of triggers and actions.
class RunApi
{
public:
    explicit RunApi(ApiContext &ctx) : m_ctx(ctx) {}
    void registerRoutes(Router &router);

private:
    Response list(Request &req);
    Response get(Request &req);
    Response actions(Request &req);
    Response cancel(Request &req);
    Response resubmit(Request &req, const QString &trigger);
    // GET …/workflows/{id}/runs/{run}[/actions/{action}]/contents/{kind}: a signed link's content.
    Response content(Request &req);

    std::optional<RunRow> loadRun(const QString &env, const QString &flow, const QString &run);
    // The environment, flow and run a request names, checked for access; or the error to answer.
    struct Target;
    std::optional<Target> resolve(Request &req, FlowAccess access, Response *error);
    static Response runNotFound(const QString &flow, const QString &run);

    // The names a startTime window spans (bounded), or that it holds no run (empty).
    struct NameSpan
    {
        bool bounded = false;
        bool empty = false;
        QString first, last;
    };
    bool nameSpan(const QString &env, const QString &flow, const RunFilter &filter, NameSpan *span,
                  Response *error);
    struct Links;
    Links linksFor(const Request &req, const FlowRow &flow) const;
    void writeLink(JsonWriter &w, const char *key, const Links &links, const QString &run,
                   const QString &action, ContentKind kind, const QByteArray &content) const;
    void writeRun(JsonWriter &w, const QString &idPrefix, const RunRow &r, bool open,
                  const Links &links) const;

    // The top-level actions a run has reached, in run order, with their status and times.
    struct ActionState
    {
        QString name;
        QString status;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    static QList<ActionState> actionStates(const FlowDefinition &def, const RunRow &run);
    void writeActions(JsonWriter &w, const Links &links, const RunRow &run, const QString &runId,
                      bool asMap) const;

    ApiContext &m_ctx;
    static constexpr qsizetype kMaxSpans = 256; // a client may vary its windows as it likes
    QHash<QString, NameSpan> m_spans;           // by flow and window, for m_spansVersion of the store
    quint64 m_spansVersion = 0;
};

} // namespace fc::emu
