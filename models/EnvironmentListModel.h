#pragma once

#include "api/Types.h"

#include <QAbstractTableModel>

namespace fc {

// The environments a profile can see, one row each, for pickers and the environment table.
class EnvironmentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LocationColumn, TypeColumn, DefaultColumn, CreatedColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, EnvironmentNameRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setEnvironments(QList<Environment> environments);
    const QList<Environment> &environments() const { return m_environments; }
    int rowOf(const QString &environmentName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Environment> m_environments;
};

} // namespace fc
