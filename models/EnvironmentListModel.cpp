#include "EnvironmentListModel.h"

#include <QDateTime>
#include <QLocale>

namespace fc {

void EnvironmentListModel::setEnvironments(QList<Environment> environments)
{
    beginResetModel();
    m_environments = std::move(environments);
    endResetModel();
}

int EnvironmentListModel::rowOf(const QString &environmentName) const
{
    for (int row = 0; row < m_environments.size(); ++row) {
        if (m_environments[row].name == environmentName)
            return row;
    }
    return -1;
}

int EnvironmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_environments.size());
}

int EnvironmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Environment &env = m_environments[index.row()];
    if (role == EnvironmentNameRole)
        return env.name;
    if (role == SortRole) {
        switch (index.column()) {
        case DefaultColumn:
            return env.isDefault;
        case CreatedColumn:
            return env.createdMs;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return env.displayName;
    case LocationColumn:
        return env.location;
    case TypeColumn:
        return env.type.isEmpty() ? env.sku : env.type;
    case DefaultColumn:
        return env.isDefault ? tr("Default") : QString();
    case CreatedColumn:
        return env.createdMs
                   ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(env.createdMs), QLocale::ShortFormat)
                   : QString();
    default:
        return {};
    }
}

QVariant EnvironmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LocationColumn:
        return tr("Location");
    case TypeColumn:
        return tr("Type");
    case DefaultColumn:
        return tr("Default");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace fc
