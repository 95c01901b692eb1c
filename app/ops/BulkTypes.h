#pragma once

#include "api/ApiError.h"
#include "api/Route.h"
#include "api/Types.h"

#include <QString>

#include <cstdint>

namespace fc {

enum class BulkAction : std::uint8_t {
    CancelRun,
    ResubmitRun,
    TurnOnFlow,
    TurnOffFlow,
    DeleteFlow,
    AddOwner,
    RemoveOwner,
    RestoreFlow
};
QString bulkActionName(BulkAction action);        // for the journal: "cancelRun"
QString bulkActionDisplayName(BulkAction action); // for people: "Cancel run"
bool isIdempotent(BulkAction action);             // resubmit is the one that is not

// Pending: not sent yet. InFlight: sent, no answer yet (after a crash: outcome unknown).
// Unknown: the answer was lost after the request went out; for a resubmit the engine checks the
// flow's runs before anything is sent again.
enum class ItemState : std::uint8_t { Pending, InFlight, Succeeded, Failed, Skipped, Unknown };
QString itemStateName(ItemState state);
inline bool isFinal(ItemState s)
{
    return s == ItemState::Succeeded || s == ItemState::Failed || s == ItemState::Skipped;
}

struct BulkItem
{
    qint64 seq = 0; // position in the operation, stable across restarts
    BulkAction action = BulkAction::CancelRun;
    QString env;
    QString flow;
    QString run;
    QString label; // what people see: the flow's display name, the run name
    QString principalId;
    PrincipalType principalType = PrincipalType::User;
    Scope scope = Scope::User; // Admin: sent through scopes/admin (flows the user does not own)
    ItemState state = ItemState::Pending;
    QString message; // the ApiError text of a failure, or a note ("already finished")
    qint64 sentAtMs = 0;
    int attempts = 0;
};

enum class OperationState : std::uint8_t { Running, Paused, Cancelled, Finished, Interrupted };
QString operationStateName(OperationState state);

struct ItemCounts
{
    int total = 0;
    int pending = 0;
    int inFlight = 0;
    int succeeded = 0;
    int failed = 0;
    int skipped = 0;
    int unknown = 0;
    int done() const { return succeeded + failed + skipped; }
};

} // namespace fc
