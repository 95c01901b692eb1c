#include "Types.h"

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
template <typename Enum, std::size_t N>
Enum lookup(QStringView name, const QLatin1StringView (&names)[N])
{
    for (std::size_t i = 1; i < N; ++i) {
        if (name.compare(names[i], Qt::CaseInsensitive) == 0)
            return static_cast<Enum>(i);
    }
    return static_cast<Enum>(0);
}

const QLatin1StringView kFlowStates[] = {"Unknown"_L1, "Started"_L1, "Stopped"_L1, "Suspended"_L1,
                                         "Deleted"_L1};
const QLatin1StringView kRunStatuses[] = {"Unknown"_L1, "Running"_L1,   "Waiting"_L1,   "Succeeded"_L1,
                                          "Failed"_L1,  "Cancelled"_L1, "Suspended"_L1, "Canceling"_L1};
const QLatin1StringView kPrincipalTypes[] = {"Unknown"_L1, "User"_L1, "Group"_L1, "ServicePrincipal"_L1};
} // namespace

QString flowStateName(FlowState state)
{
    return kFlowStates[static_cast<int>(state)];
}

FlowState flowStateFromName(QStringView name)
{
    return lookup<FlowState>(name, kFlowStates);
}

QString runStatusName(RunStatus status)
{
    return kRunStatuses[static_cast<int>(status)];
}

RunStatus runStatusFromName(QStringView name)
{
    // Logic Apps spells it both ways.
    if (name.compare("Canceled"_L1, Qt::CaseInsensitive) == 0)
        return RunStatus::Cancelled;
    return lookup<RunStatus>(name, kRunStatuses);
}

QString principalTypeName(PrincipalType type)
{
    return kPrincipalTypes[static_cast<int>(type)];
}

PrincipalType principalTypeFromName(QStringView name)
{
    return lookup<PrincipalType>(name, kPrincipalTypes);
}

} // namespace fc
