#include "BulkTypes.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace fc {

QString bulkActionName(BulkAction action)
{
    switch (action) {
    case BulkAction::CancelRun:
        return u"cancelRun"_s;
    case BulkAction::ResubmitRun:
        return u"resubmitRun"_s;
    case BulkAction::TurnOnFlow:
        return u"turnOnFlow"_s;
    case BulkAction::TurnOffFlow:
        return u"turnOffFlow"_s;
    case BulkAction::DeleteFlow:
        return u"deleteFlow"_s;
    case BulkAction::AddOwner:
        return u"addOwner"_s;
    case BulkAction::RemoveOwner:
        return u"removeOwner"_s;
    case BulkAction::RestoreFlow:
        return u"restoreFlow"_s;
    }
    return {};
}

QString bulkActionDisplayName(BulkAction action)
{
    // The context lupdate files these strings under (this function's namespace).
    const auto tr = [](const char *text) { return QCoreApplication::translate("fc", text); };
    switch (action) {
    case BulkAction::CancelRun:
        return tr("Cancel run");
    case BulkAction::ResubmitRun:
        return tr("Resubmit run");
    case BulkAction::TurnOnFlow:
        return tr("Turn on flow");
    case BulkAction::TurnOffFlow:
        return tr("Turn off flow");
    case BulkAction::DeleteFlow:
        return tr("Delete flow");
    case BulkAction::AddOwner:
        return tr("Add owner");
    case BulkAction::RemoveOwner:
        return tr("Remove owner");
    case BulkAction::RestoreFlow:
        return tr("Restore flow");
    }
    return {};
}

bool isIdempotent(BulkAction action)
{
    return action != BulkAction::ResubmitRun;
}

QString itemStateName(ItemState state)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("fc", text); };
    switch (state) {
    case ItemState::Pending:
        return tr("Pending");
    case ItemState::InFlight:
        return tr("Sent");
    case ItemState::Succeeded:
        return tr("Succeeded");
    case ItemState::Failed:
        return tr("Failed");
    case ItemState::Skipped:
        return tr("Skipped");
    case ItemState::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString operationStateName(OperationState state)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("fc::OperationState", text); };
    switch (state) {
    case OperationState::Running:
        return tr("Running");
    case OperationState::Paused:
        return tr("Paused");
    case OperationState::Cancelled:
        return tr("Cancelled");
    case OperationState::Finished:
        return tr("Finished");
    case OperationState::Interrupted:
        return tr("Interrupted");
    }
    return {};
}

} // namespace fc
